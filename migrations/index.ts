import { CreateFoundation1795875679496 } from './1795875679496-CreateFoundation.js';
import { CreateMembers1795876815854 } from './1795876815854-CreateMembers.js';
import { CreateEvents1795878239797 } from './1795878239797-CreateEvents.js';
import { CreateMentoring1795878312297 } from './1795878312297-CreateMentoring.js';
import { CreateDues1795878403738 } from './1795878403738-CreateDues.js';
import { CreateCommunities1795879209297 } from './1795879209297-CreateCommunities.js';
import { AddOutboxAttachments1795882445813 } from './1795882445813-AddOutboxAttachments.js';
import { AddSyncCursorRunLease1795890000001 } from './1795890000001-AddSyncCursorRunLease.js';
import { CreateWorkerHeartbeats1795893000001 } from './1795893000001-CreateWorkerHeartbeats.js';
import { MoveProfilesToMembers1795894000001 } from './1795894000001-MoveProfilesToMembers.js';
import { AddStaffPermissions1795895000001 } from './1795895000001-AddStaffPermissions.js';
import { AddAccountFlows1796100000001 } from './1796100000001-AddAccountFlows.js';
import { AddStaffConsoleIndexes1796200000001 } from './1796200000001-AddStaffConsoleIndexes.js';
import { CreateApiTokens1796300000001 } from './1796300000001-CreateApiTokens.js';
import { CreateWebhooks1796300000002 } from './1796300000002-CreateWebhooks.js';
import { AddTwoFactorSignIn1796300000003 } from './1796300000003-AddTwoFactorSignIn.js';
import { CreateDataExports1796300000004 } from './1796300000004-CreateDataExports.js';
import { CreateErasureRequests1796300000005 } from './1796300000005-CreateErasureRequests.js';
import { AddRetentionSettings1796300000006 } from './1796300000006-AddRetentionSettings.js';
import { CreateDiscussions1796400000001 } from './1796400000001-CreateDiscussions.js';
import { AddDiscussionNotifications1796400000002 } from './1796400000002-AddDiscussionNotifications.js';
import { AddDiscussionResources1796400000003 } from './1796400000003-AddDiscussionResources.js';
import { AddMeetingRoleOffers1796600000001 } from './1796600000001-AddMeetingRoleOffers.js';
import { CreateReconcileRuns1796900000001 } from './1796900000001-CreateReconcileRuns.js';
import { AddInboundEmailMessages1797000000001 } from './1797000000001-AddInboundEmailMessages.js';
import { AddReportAndUnclaimedIndexes1797400000001 } from './1797400000001-AddReportAndUnclaimedIndexes.js';
import { AddUsersNameIndex1797740000001 } from './1797740000001-AddUsersNameIndex.js';
import { AddEventWaitlistLimit1797750000001 } from './1797750000001-AddEventWaitlistLimit.js';
import { AddViewerChangeNotices1797760000001 } from './1797760000001-AddViewerChangeNotices.js';
import { AddWebhookSecretRoll1797770000001 } from './1797770000001-AddWebhookSecretRoll.js';
import { AddApiTokenViewerNotices1797780000001 } from './1797780000001-AddApiTokenViewerNotices.js';

/** Every migration, in order. Generate the next with `npm run migration:generate -- <VerbNoun>`. */
export const MIGRATIONS = [
  CreateFoundation1795875679496,
  CreateMembers1795876815854,
  CreateEvents1795878239797,
  CreateMentoring1795878312297,
  CreateDues1795878403738,
  CreateCommunities1795879209297,
  AddOutboxAttachments1795882445813,
  AddSyncCursorRunLease1795890000001,
  CreateWorkerHeartbeats1795893000001,
  MoveProfilesToMembers1795894000001,
  AddStaffPermissions1795895000001,
  AddAccountFlows1796100000001,
  AddStaffConsoleIndexes1796200000001,
  CreateApiTokens1796300000001,
  CreateWebhooks1796300000002,
  AddTwoFactorSignIn1796300000003,
  CreateDataExports1796300000004,
  CreateErasureRequests1796300000005,
  AddRetentionSettings1796300000006,
  CreateDiscussions1796400000001,
  AddDiscussionNotifications1796400000002,
  AddDiscussionResources1796400000003,
  AddMeetingRoleOffers1796600000001,
  CreateReconcileRuns1796900000001,
  AddInboundEmailMessages1797000000001,
  AddReportAndUnclaimedIndexes1797400000001,
  AddUsersNameIndex1797740000001,
  AddEventWaitlistLimit1797750000001,
  AddViewerChangeNotices1797760000001,
  AddWebhookSecretRoll1797770000001,
  AddApiTokenViewerNotices1797780000001,
];
