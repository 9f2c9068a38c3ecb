// Referrals by partner and outcome, read on its own from the device (referrals and partners are not part of
// the session figures), in the dates chosen.
import { useMemo } from 'react';
import { useReferralReportData } from '../../db/referrals.ts';
import { referralsByPartner } from '../../domain/reports/referrals.ts';
import { Loading } from '../components/Screen.tsx';
import { ReportFigure } from './ReportFigure.tsx';

export function ReferralsFigure({ from, to }: { from: string; to: string }) {
  const data = useReferralReportData();
  const table = useMemo(() => data && referralsByPartner(data.referrals, data.partners, from, to), [data, from, to]);
  if (!table) return <Loading />;
  return (
    <ReportFigure
      from={from}
      to={to}
      table={table}
      note="Referrals and signposting made in these dates, by partner and how they went."
    />
  );
}
