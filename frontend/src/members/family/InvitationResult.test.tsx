import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import InvitationResult from './InvitationResult';

describe('InvitationResult', () => {
  const invitation = {
    name: 'Ann Doe', email: 'ann@example.test',
    url: 'https://care.example/invitation#token=abc', token: 'abc', expiresAt: '2026-12-03T10:00:00Z',
  };

  it('shows the link and token once, with the warning', () => {
    render(<InvitationResult invitation={invitation} onDismiss={() => {}} />);
    expect((screen.getByLabelText('Invitation link') as HTMLInputElement).value).toBe(invitation.url);
    expect((screen.getByLabelText('Invitation token') as HTMLInputElement).value).toBe('abc');
    const warning = screen.getByRole('alert');
    expect(warning.textContent).toContain('Shown once');
    expect(warning.textContent).toContain('7 days');
  });

  it('copies to the clipboard and says so', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<InvitationResult invitation={invitation} onDismiss={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy invitation link' }));
    await waitFor(() => expect(screen.getByText('Copied.')).toBeTruthy());
    expect(writeText).toHaveBeenCalledWith(invitation.url);
  });

  it('closes with Done', () => {
    const onDismiss = vi.fn();
    render(<InvitationResult invitation={invitation} onDismiss={onDismiss} />);
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(onDismiss).toHaveBeenCalled();
  });
});
