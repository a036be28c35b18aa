import { graphql, getFragmentData, type FragmentType } from '../gql';
import { formatDayCount, formatInstantDateTime } from '../ui/dates';
import { DIRECTION, ICON, TRANSITION_LABEL, endedInDischarge, episodesOf, journeyEpisodes, lengthInDays } from './timeline';
import { Empty } from '../ui/States';
import './journey.css';

export const EpisodeTableFragment = graphql(`
  fragment EpisodeTable_member on Member {
    careEpisodes(first: 100) {
      nodes {
        id
        careLevel { id code name }
        startedAt
        endedAt
        transition
        reason @include(if: $clinical)
        dischargeReason @include(if: $clinical)
      }
    }
  }
`);

/** The timeline as a table: every episode with its transition, dates, length and reason. */
export default function EpisodeTable(props: { member: FragmentType<typeof EpisodeTableFragment>; now?: Date }) {
  const member = getFragmentData(EpisodeTableFragment, props.member);
  const now = props.now ?? new Date();
  const careEpisodes = member.careEpisodes?.nodes ?? [];
  const byId = new Map(careEpisodes.map((e) => [e.id, e]));
  const journey = journeyEpisodes(episodesOf(careEpisodes));
  if (journey.length === 0) return <Empty>No care episodes yet.</Empty>;
  return (
    <div className="table-box" role="region" aria-labelledby="episodes-caption" tabIndex={0}>
      <table className="episodes">
        <caption id="episodes-caption">Care episodes</caption>
        <thead>
          <tr>
            <th scope="col">Level</th>
            <th scope="col">Transition</th>
            <th scope="col">Start</th>
            <th scope="col">End</th>
            <th scope="col">Length</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {journey.map((j, i) => {
            const e = byId.get(j.id)!;
            const dir = DIRECTION[e.transition];
            const discharged = endedInDischarge(journey, i);
            const end = e.endedAt ? new Date(e.endedAt) : now;
            return (
              <tr key={e.id}>
                <th scope="row">{e.careLevel.name}</th>
                <td data-label="Transition">
                  <span className={`chip dir-${dir}`}><span aria-hidden="true">{ICON[dir]} </span>{TRANSITION_LABEL[e.transition]}</span>
                </td>
                <td data-label="Start"><time dateTime={e.startedAt}>{formatInstantDateTime(e.startedAt)}</time></td>
                <td data-label="End">
                  {e.endedAt ? <time dateTime={e.endedAt}>{formatInstantDateTime(e.endedAt)}</time> : 'Current'}
                  {discharged && (
                    <>
                      {' '}
                      <span className="chip dir-exit"><span aria-hidden="true">{ICON.exit} </span>{TRANSITION_LABEL.DISCHARGE}</span>
                    </>
                  )}
                </td>
                <td data-label="Length">{formatDayCount(lengthInDays(new Date(e.startedAt), end))}</td>
                <td data-label="Reason">
                  {e.reason ?? ''}
                  {discharged && e.dischargeReason && <div className="muted">Discharge: {e.dischargeReason}</div>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
