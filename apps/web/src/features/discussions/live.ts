import { useState } from 'react';
import { useSubscription } from 'urql';
import { CommunityPostAddedDocument, type DiscussionPostFieldsFragment } from './discussions.generated.js';

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
  // Live posts are held here, not in a cached list: what a mutation answers about one is merged in.
  const update = (patch: Partial<LivePost> & { id: string }) => setExtra((list) => list.map((p) => (p.id === patch.id ? { ...p, ...patch } : p)));
  return { livePosts: extra, addPost: add, updatePost: update };
}
