import type { AttendanceStatus, GroupKind, Modality, TimeOfDay } from '../gql/graphql';

/** Words for the API's enums, as people read them. */
export const kindLabels: Record<GroupKind, string> = {
  PEER_SUPPORT: 'Peer support',
  AFTERCARE: 'Aftercare',
  FAMILY: 'Family',
  MUTUAL_SUPPORT: 'Mutual support',
  THERAPY: 'Therapy',
  HOUSE_MEETING: 'House meeting',
};

export const modalityLabels: Record<Modality, string> = {
  IN_PERSON: 'In person',
  VIRTUAL: 'Virtual',
  HYBRID: 'Hybrid',
};

export const timeOfDayLabels: Record<TimeOfDay, string> = {
  DAY: 'Day',
  EVENING: 'Evening',
  WEEKEND: 'Weekend',
};

export const statusLabels: Record<AttendanceStatus, string> = {
  PRESENT: 'Present',
  LATE: 'Late',
  EXCUSED: 'Excused',
  ABSENT: 'Absent',
};

export const groupKinds = Object.keys(kindLabels) as GroupKind[];
export const timesOfDay: TimeOfDay[] = ['DAY', 'EVENING', 'WEEKEND'];
export const attendanceStatuses: AttendanceStatus[] = ['PRESENT', 'LATE', 'EXCUSED', 'ABSENT'];
