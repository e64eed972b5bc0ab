import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PlaceSpaceCohortDocument, PlaceSpaceEventDocument, PlaceSpaceStudyGroupDocument } from './place-space.generated.js';

/**
 * A link to the discussion space of a study group, cohort or event (`StudyGroup.space` etc.), for
 * those features' pages to mount with one line. Shows nothing while loading or when the viewer may
 * not read the space (the API decides).
 * Mount it only for people who may read the space (a group's active member, an event's confirmed
 * registrant, a cohort's member): a FORBIDDEN answer nulls the place's object in the normalized
 * cache, and the page that shows the place with it.
 */
export function PlaceSpaceLink({ place, id }: { place: 'STUDY_GROUP' | 'COHORT' | 'EVENT'; id: string }) {
  const { t } = useTranslation();
  const [group] = useQuery({ query: PlaceSpaceStudyGroupDocument, variables: { id }, pause: place !== 'STUDY_GROUP' });
  const [cohort] = useQuery({ query: PlaceSpaceCohortDocument, variables: { id }, pause: place !== 'COHORT' });
  const [event] = useQuery({ query: PlaceSpaceEventDocument, variables: { id }, pause: place !== 'EVENT' });
  const spaceId = group.data?.studyGroup?.space.id ?? cohort.data?.cohort?.space.id ?? event.data?.event?.space.id;
  if (!spaceId) return null;
  return <Anchor component={Link} to={`/community/spaces/${spaceId}`}>{t('community.placeLink')}</Anchor>;
}

/** The same for a mentoring pair whose `space { id }` the page already has. */
export function SpaceLink({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  return <Anchor component={Link} to={`/community/spaces/${spaceId}`}>{t('community.placeLink')}</Anchor>;
}
