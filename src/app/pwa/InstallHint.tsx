// Offers "Install Coorie" when the browser allows it; hidden once Coorie runs from the home screen.
import { isStandalone, promptInstall, useInstallPrompt } from './installPrompt.ts';

export function InstallHint() {
  const offer = useInstallPrompt();
  if (!offer || isStandalone()) return null;
  return (
    <div className="install-hint">
      <p>Install Coorie to open it from the home screen, with or without signal.</p>
      <button type="button" className="button-primary" onClick={() => void promptInstall()}>
        Install Coorie
      </button>
    </div>
  );
}
