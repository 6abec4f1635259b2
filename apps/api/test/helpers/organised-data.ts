import type { Sql } from './sql.js';

export interface OrganisedData {
  projectIds: { home: string; work: string; old: string };
  labelIds: { urgent: string; errand: string };
  taskIds: { parent: string; child: string; grandchild: string; inbox: string };
}

/**
 * Projects (one archived), labels, a parent with a subtask and a sub-subtask, and a labelled Inbox task,
 * straight into the tables, so tests of the export do not depend on the project and label procedures.
 * Every name carries `tag`, so a test can look for another user's data by name. Tasks are created an
 * hour apart in the order parent, child, grandchild, inbox.
 */
export async function insertOrganisedData(sql: Sql, userId: string, tag: string): Promise<OrganisedData> {
  const project = async (name: string, position: string, archived: boolean) =>
    idOf(
      await sql.query<{ id: string }>(
        `insert into projects (user_id, name, color, position, archived_at)
         values (?, ?, 'blue', ?, ${archived ? "'2026-11-01T10:00:00Z'" : 'null'}) returning id`,
        [userId, `${tag} ${name}`, position],
      ),
    );
  // Positions out of creation order: the export lists projects in sidebar order (byte order, 'Z' < 'a').
  const work = await project('work', 'a1', false);
  const home = await project('home', 'Zz', false);
  const old = await project('old', 'a2', true);

  const label = async (name: string) =>
    idOf(
      await sql.query<{ id: string }>(
        `insert into labels (user_id, name, color) values (?, ?, 'red') returning id`,
        [userId, `${tag} ${name}`],
      ),
    );
  const urgent = await label('urgent');
  const errand = await label('errand');

  const task = async (
    title: string,
    fields: { projectId: string | null; parentId: string | null; position: string; hoursAgo: number },
  ) =>
    idOf(
      await sql.query<{ id: string }>(
        `insert into tasks (user_id, title, project_id, parent_id, position, created_at)
         values (?, ?, ?, ?, ?, now() - make_interval(hours => ?)) returning id`,
        [userId, `${tag} ${title}`, fields.projectId, fields.parentId, fields.position, fields.hoursAgo],
      ),
    );
  const parent = await task('parent', { projectId: work, parentId: null, position: 'a5', hoursAgo: 4 });
  const child = await task('child', { projectId: work, parentId: parent, position: 'a0', hoursAgo: 3 });
  const grandchild = await task('grandchild', {
    projectId: work,
    parentId: child,
    position: 'a0',
    hoursAgo: 2,
  });
  const inbox = await task('inbox', { projectId: null, parentId: null, position: 'Zy', hoursAgo: 1 });

  for (const [taskId, labelId] of [
    [parent, urgent],
    [parent, errand],
    [inbox, errand],
  ]) {
    await sql.run('insert into task_labels (task_id, label_id, user_id) values (?, ?, ?)', [
      taskId,
      labelId,
      userId,
    ]);
  }
  return {
    projectIds: { home, work, old },
    labelIds: { urgent, errand },
    taskIds: { parent, child, grandchild, inbox },
  };
}

function idOf(found: { id: string }[]): string {
  const id = found[0]?.id;
  if (!id) throw new Error('insert returned no id');
  return id;
}
