// The sections of the shell, in the order the navigation shows them.
import type { ComponentType } from 'react';
import {
  ActivitiesIcon,
  PeopleIcon,
  ReportsIcon,
  SessionsIcon,
  SettingsIcon,
  TodayIcon,
  VisitsIcon,
} from './icons.tsx';

export interface Section {
  path: string;
  label: string;
  Icon: ComponentType;
}

export const SECTIONS: readonly Section[] = [
  { path: '/', label: 'Today', Icon: TodayIcon },
  { path: '/sessions', label: 'Sessions', Icon: SessionsIcon },
  { path: '/people', label: 'People', Icon: PeopleIcon },
  { path: '/visits', label: 'Visits', Icon: VisitsIcon },
  { path: '/activities', label: 'Activities', Icon: ActivitiesIcon },
  { path: '/reports', label: 'Reports', Icon: ReportsIcon },
  { path: '/settings', label: 'Settings', Icon: SettingsIcon },
];

/** How many sections a phone shows in its one-row menu; the rest are under "More". */
export const PHONE_SECTIONS = 4;
