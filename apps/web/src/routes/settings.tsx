import { Card } from '../components/card';
import { PageHeader } from '../components/page-header';

const SECTIONS = [
  { title: 'Profile', description: 'Your name and email address.' },
  { title: 'Password', description: 'Change your password and sign out everywhere else.' },
  { title: 'Sessions', description: 'See where you are signed in and end sessions you don’t recognise.' },
  { title: 'Your data', description: 'Export everything Taskapp stores about you, or delete your account.' },
];

export function SettingsPage() {
  return (
    <>
      <title>Settings · Taskapp</title>
      <PageHeader title="Settings" description="Manage your account. These controls arrive with accounts." />
      <Card>
        <ul>
          {SECTIONS.map((section) => (
            <li
              key={section.title}
              className="flex items-center justify-between gap-4 border-line border-b px-4 py-3 last:border-b-0"
            >
              <div>
                <h2 className="font-medium">{section.title}</h2>
                <p className="text-muted text-sm">{section.description}</p>
              </div>
              <span className="shrink-0 rounded-sm bg-subtle px-1.5 py-0.5 font-medium text-faint text-xs">
                Soon
              </span>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
