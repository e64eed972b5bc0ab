import { useState } from 'react';
import { useSubscription } from 'urql';
import { CommunityPostAddedDocument, type DiscussionPostFieldsFragment } from '../../shared/api/generated/graphql.js';

export type LivePost = DiscussionPostFieldsFragment;

/**
 * Posts of one thread that arrive while it is open (the space's `postAdded` subscription over
 * graphql-ws), plus the viewer's own replies (`add`), newest last and each once.
 */
export function useLivePosts(spaceId: string | undefined, threadId: string) {
  const [extra, setExtra] = useState<LivePost[]>([]);
  const add = (post: LivePost) => setExtra((list) => (list.some((p) => p.id === post.id) ? list : [...list, post]));
  useSubscription({ query: CommunityPostAddedDocument, variables: { spaceId: spaceId ?? '' }, pause: !spaceId }, (_previous, event) => {
    if (event.postAdded.thread.id === threadId) add(event.postAdded);
    return event;
  });
  return { livePosts: extra, addPost: add };
}
