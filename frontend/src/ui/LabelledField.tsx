import { FieldError } from './FieldError';

/**
 * A control inside its label, and its errors right under it. The control
 * names errorId in its aria-describedby.
 */
export function LabelledField(props: {
  label: React.ReactNode;
  errorId: string;
  messages: readonly string[] | string | undefined;
  wide?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className={props.wide ? 'field wide' : 'field'}>
      <label>
        {props.label}
        {props.children}
      </label>
      <FieldError id={props.errorId} messages={props.messages} />
    </div>
  );
}
