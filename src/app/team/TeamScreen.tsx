// Team (coordinators): who is on the team and in which role, and whether they can sign in; links to add a
// member or invite one with a code. The list lives on the server, so the screen needs a connection.
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { ProblemBox } from '../components/ProblemBox.tsx';
import { Loading, Screen } from '../components/Screen.tsx';
import { listTeam } from './api.ts';
import { MemberRow } from './MemberRow.tsx';
import { OnlineOnly } from './OnlineOnly.tsx';
import { useServerData } from './useServerData.ts';
import '../styles/team.css';

export function TeamScreen() {
  const user = useCurrentUser();
  return (
    <Screen title="Team">
      {user && user.role !== 'coordinator' ? (
        <p>Only coordinators can manage the team. Ask your coordinator to add someone or change a role.</p>
      ) : (
        <OnlineOnly offline="The team’s accounts are kept on the server, so connect to the internet to see or change them.">
          <TeamList myId={user?.id} />
        </OnlineOnly>
      )}
    </Screen>
  );
}

function TeamList({ myId }: { myId: string | undefined }) {
  const { data: team, problem, reload } = useServerData(listTeam);
  // Set by the add-a-member screen on its way back here.
  const added = (useLocation().state as { added?: string } | null)?.added;
  const [status, setStatus] = useState(added ? `${added} is on the team and can sign in now.` : '');

  function changed(message: string) {
    setStatus(message);
    reload();
  }

  return (
    <>
      <div role="status" className="team-status">
        {status && <p>{status}</p>}
      </div>
      <ProblemBox problem={problem} />
      <div className="team-links">
        <Link to="/settings/team/new" className="team-link-primary">
          Add a member
        </Link>
        <Link to="/settings/team/invite">Invite with a code</Link>
        <Link to="/settings/devices">Devices</Link>
      </div>
      {problem && (
        <button type="button" className="button-secondary" onClick={reload}>
          Try again
        </button>
      )}
      {!team && !problem && <Loading />}
      {team && (
        <ul className="team-list" aria-label="Team members">
          {team.map((member) => (
            <MemberRow key={member.id} member={member} isMe={member.id === myId} onChanged={changed} />
          ))}
        </ul>
      )}
    </>
  );
}
