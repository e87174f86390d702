/**
 * The demo tenant a new sandbox database starts with. Its IDs match `examples/clean.subscribers.csv`, so that file
 * imports cleanly; its existing users take extensions 100, 110 and 111, so a file using them meets a conflict.
 */
import type { PinNotification, TenantEntry, TenantListName } from '@subscriber-csv/language-service';
import type { StoredSubscriber } from './database';

export interface SeedTenant {
  id: string;
  name: string;
  pinNotification: PinNotification;
  lists: Record<TenantListName, TenantEntry[]>;
  subscribers: StoredSubscriber[];
}

function existing(type: 'User' | 'Location', extension: string, firstName: string, lastName: string): StoredSubscriber {
  const email = type === 'User' ? `${firstName}.${lastName}@acme.example`.toLowerCase() : '';
  return { type, extension, firstName, lastName, email, settings: {}, pinSource: null, pinHash: null };
}

export const SEED: SeedTenant = {
  id: 'acme',
  name: 'Acme Corp',
  pinNotification: 'display',
  lists: {
    callProfiles: [
      { id: '1', name: 'Local only' },
      { id: '2', name: 'National' },
      { id: '3', name: 'International' },
    ],
    keyProfiles: [
      { id: '4', name: 'Reception' },
      { id: '5', name: 'Executive' },
    ],
    holdAnnouncements: [
      { id: '1', name: 'Default music' },
      { id: '2', name: 'Spring promo' },
    ],
    siteZones: [
      { id: '1', name: 'East' },
      { id: '2', name: 'West' },
    ],
  },
  subscribers: [
    existing('Location', '100', '', 'Front Desk'),
    existing('User', '110', 'Dana', 'Reyes'),
    existing('User', '111', 'Sam', 'Ortiz'),
  ],
};
