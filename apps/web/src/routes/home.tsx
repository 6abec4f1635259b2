import { PageHeader } from '../components/page-header';
import { TaskScreen } from '../features/tasks/task-screen';

export function HomePage() {
  return (
    <>
      <title>Tasks · Taskapp</title>
      <PageHeader title="Tasks" />
      <TaskScreen />
    </>
  );
}
