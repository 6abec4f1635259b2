import { PageHeader } from '../components/page-header';
import { DeleteAccountSection } from '../features/account/delete-account-section';
import { ExportSection } from '../features/account/export-section';
import { PasswordSection } from '../features/account/password-section';
import { PreferencesSection } from '../features/account/preferences-section';
import { ProfileSection } from '../features/account/profile-section';
import { SecuritySection } from '../features/account/security-section';
import { SessionsSection } from '../features/account/sessions-section';
import { useUser } from '../features/auth/use-auth';

export function SettingsPage() {
  const user = useUser();
  if (!user) return null;
  return (
    <>
      <title>Settings · Taskapp</title>
      <PageHeader
        title="Settings"
        description="Your profile, preferences, password, security, sessions and data."
      />
      <div className="flex flex-col gap-6">
        <ProfileSection user={user} />
        <PreferencesSection />
        <PasswordSection user={user} />
        <SecuritySection user={user} />
        <SessionsSection />
        <ExportSection />
        <DeleteAccountSection email={user.email} />
      </div>
    </>
  );
}
