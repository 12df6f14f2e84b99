import { platformsTelegram } from './platforms-telegram';

describe('platformsTelegram', () => {
  it('should work', () => {
    expect(platformsTelegram()).toEqual('platforms-telegram');
  });
});
