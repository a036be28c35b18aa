/** A column heading: its text, or its text and a class (num: figures right-aligned). */
export type Column = string | { label: string; className: string };

/**
 * A list page's table: scrolls sideways on a narrow screen (table-wrap),
 * a caption, one heading row from columns, and the rows given as children.
 */
export function DataTable(props: { caption: string; columns: readonly Column[]; children: React.ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => typeof c === 'string'
              ? <th key={c} scope="col">{c}</th>
              : <th key={c.label} scope="col" className={c.className}>{c.label}</th>)}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
