import { afterEach, describe, expect, it, vi } from 'vitest';

import { Announcer } from './announcer';

describe('Announcer', () => {
  afterEach(() => vi.useRealTimers());

  it('tells its subscribers (the status line) of each message, and forgets it after a while', () => {
    vi.useFakeTimers();
    const announcer = new Announcer();
    const heard = vi.fn();
    const stop = announcer.subscribe(heard);
    expect(announcer.announcement()).toBeNull();
    announcer.announce('Coded “x” as A.');
    expect(heard).toHaveBeenCalledTimes(1);
    expect(announcer.announcement()).toMatchObject({ message: 'Coded “x” as A.', tone: 'info' });
    // The same message again is a new announcement, so it is spoken again.
    const first = announcer.announcement();
    announcer.announce('Coded “x” as A.');
    expect(announcer.announcement()!.serial).toBeGreaterThan(first!.serial);
    vi.advanceTimersByTime(5999);
    expect(announcer.announcement()).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(announcer.announcement()).toBeNull();
    expect(heard).toHaveBeenCalledTimes(3);
    stop();
    announcer.announce('unheard');
    expect(heard).toHaveBeenCalledTimes(3);
  });

  it('keeps an error longer, and a newer message restarts the wait', () => {
    vi.useFakeTimers();
    const announcer = new Announcer();
    announcer.announce('Coding failed', 'error');
    vi.advanceTimersByTime(11_000);
    expect(announcer.announcement()?.tone).toBe('error');
    announcer.announce('Coded.');
    vi.advanceTimersByTime(5_000);
    // The error's timer is gone: the newer message stays its own 6 s.
    expect(announcer.announcement()?.message).toBe('Coded.');
    announcer.dispose();
    vi.advanceTimersByTime(10_000);
    expect(announcer.announcement()?.message).toBe('Coded.');
  });

  it('is the same snapshot until something is announced (no re-render of the status line)', () => {
    const announcer = new Announcer();
    announcer.announce('one');
    expect(announcer.announcement()).toBe(announcer.announcement());
    announcer.dispose();
  });
});
