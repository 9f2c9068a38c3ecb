// Every migration, in order. Kept in code (not read from a folder) so that tsx, tests and bundles agree.
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001_initial.ts';
import * as privacy from './0002_privacy.ts';
import * as sight from './0003_sight.ts';
import * as authLimits from './0005_auth_limits.ts';
import * as push from './0006_push.ts';
import * as workPhone from './0007_work_phone.ts';
import * as alertPeriods from './0008_alert_periods.ts';
import * as sealKeys from './0009_seal_keys.ts';
import * as epoch from './0010_epoch.ts';
import * as sharedState from './0011_shared_state.ts';
import * as publicity from './0013_publicity.ts';
import * as peerResearcher from './0014_peer_researcher.ts';

export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_privacy': privacy,
  '0003_sight': sight,
  '0005_auth_limits': authLimits,
  '0006_push': push,
  '0007_work_phone': workPhone,
  '0008_alert_periods': alertPeriods,
  '0009_seal_keys': sealKeys,
  '0010_epoch': epoch,
  '0011_shared_state': sharedState,
  '0013_publicity': publicity,
  '0014_peer_researcher': peerResearcher,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
