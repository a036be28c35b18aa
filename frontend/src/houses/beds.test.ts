import { bedBoard, compareBeds, freeBeds } from './beds';

const m = (id: string) => ({ id, displayName: `Member ${id}` });

describe('compareBeds', () => {
  it('orders numbers inside names naturally', () => {
    expect(['A10', 'B1', 'A2', 'a1'].sort(compareBeds)).toEqual(['a1', 'A2', 'A10', 'B1']);
  });
});

describe('bedBoard', () => {
  it('lists occupied and known free beds in order, then residents without a bed', () => {
    const rows = bedBoard(
      [{ bed: 'B1', member: m('x') }, { bed: null, member: m('z') }, { bed: 'A1', member: m('y') }],
      ['A1', 'A2', null, 'B1', 'A2'],
    );
    expect(rows).toEqual([
      { bed: 'A1', resident: m('y') },
      { bed: 'A2', resident: null },
      { bed: 'B1', resident: m('x') },
      { bed: null, resident: m('z') },
    ]);
    expect(freeBeds(rows)).toEqual(['A2']);
  });
  it('is empty for an empty house with no history', () => {
    expect(bedBoard([], [])).toEqual([]);
  });
});
