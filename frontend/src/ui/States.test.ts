import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { errorMessage } from './States';

describe('errorMessage', () => {
  it('says when to try again after the rate limit', () => {
    const error = new CombinedError({
      graphQLErrors: [new GraphQLError('throttled', { extensions: { code: 'THROTTLED', retryAfterSeconds: 3.2 } })],
    });
    expect(errorMessage(error)).toBe('Too many requests in a short time. Try again in 4 seconds.');
  });
  it('tells a lost connection apart from the server refusing', () => {
    expect(errorMessage(new CombinedError({ networkError: new Error('offline') })))
      .toBe('The server could not be reached. Check the connection and try again.');
    const refused = new CombinedError({ graphQLErrors: [new GraphQLError('You are not allowed to see or do this.')] });
    expect(errorMessage(refused)).toBe('You are not allowed to see or do this.');
  });
});
