import { render, screen, within } from '@testing-library/react';
import AdherenceBars from './AdherenceBars';
import CravingTrend from './CravingTrend';

describe('AdherenceBars', () => {
  it('says met or not met in words for every week', () => {
    render(<AdherenceBars label="Tuesday SMART" weeks={[
      { weekStart: '2026-01-05', attended: 2, target: 2, isMet: true },
      { weekStart: '2026-01-12', attended: 0, target: 2, isMet: false },
    ]} />);
    expect(screen.getByText(/1 of 2 weeks met/)).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Weekly adherence, Tuesday SMART' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('2 of 2 attended, target met');
    expect(items[1].textContent).toContain('0 of 2 attended, target not met');
  });

  it('shows an empty state', () => {
    render(<AdherenceBars label="x" weeks={[]} />);
    expect(screen.getByText('No weeks to show yet.')).toBeTruthy();
  });
});

describe('CravingTrend', () => {
  it('draws an image with a text alternative and marks lapses', () => {
    const { container } = render(<CravingTrend checkIns={[
      { occurredOn: '2026-01-03', craving: 2, isAbstinent: true },
      { occurredOn: '2026-01-02', craving: 6, isAbstinent: false },
    ]} />);
    const img = screen.getByRole('img');
    expect(img.getAttribute('aria-label')).toMatch(/^Craving trend over 2 check-ins/);
    expect(img.getAttribute('aria-label')).toContain('Craving down from 6 to 2');
    expect(container.querySelectorAll('.spark-miss')).toHaveLength(1);
    expect(container.querySelectorAll('.spark-dot')).toHaveLength(1);
  });

  it('draws nothing without check-ins', () => {
    const { container } = render(<CravingTrend checkIns={[]} />);
    expect(container.innerHTML).toBe('');
  });
});
