import { useState } from 'react';
import { useQuery } from 'urql';
import { ViewerQuery } from '../auth/viewer';
import CensusSection from './CensusSection';
import OccupancySection from './OccupancySection';
import MeetingsSection from './MeetingsSection';
import PlansDueSection from './PlansDueSection';
import StepUpsSection from './StepUpsSection';
import MilestonesSection from './MilestonesSection';
import { toCalendarDate } from '../ui/dates';
import '../ui/lists.css';
import './today.css';

/** The staff start page: census, houses, meetings, reviews and people who may need attention. */
export default function TodayPage() {
  const [now] = useState(() => new Date());
  const [viewer] = useQuery({ query: ViewerQuery, requestPolicy: 'cache-first' });
  const role = viewer.data?.viewer?.user?.role;
  return (
    <section className="today">
      <h1>Today</h1>
      <div className="today-grid">
        <CensusSection />
        <OccupancySection />
        <MeetingsSection now={now} />
        <PlansDueSection today={toCalendarDate(now)} allowed={role !== undefined && role !== 'HOUSE_MANAGER'} />
        <StepUpsSection />
        <MilestonesSection now={now} />
      </div>
    </section>
  );
}
