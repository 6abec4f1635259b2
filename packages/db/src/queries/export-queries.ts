import type { Queryable } from '../pg.js';
import { rows, sql } from './sql.js';

/** A project as the data export holds it: everything stored about it but its owner. */
export interface ExportedProject {
  id: string;
  name: string;
  color: string;
  position: string;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A label as the data export holds it. */
export interface ExportedLabel {
  id: string;
  name: string;
  color: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The owner's projects and labels for the data export (tasks come from task-reads.ts, a page at a time).
 * Both are bounded by the per-user limits (200 projects, 500 labels), so each is one small read.
 */
export function exportQueries(db: Queryable) {
  return {
    /** In the order of the sidebar: position, compared byte by byte, then id. */
    projectsOf(userId: string): Promise<ExportedProject[]> {
      return rows<ExportedProject>(
        db,
        sql`select "id", "name", "color", "position", "archived_at" as "archivedAt",
                   "created_at" as "createdAt", "updated_at" as "updatedAt"
            from "projects" where "user_id" = ${userId}
            order by "position" collate "C", "id"`,
      );
    },

    /** Oldest first, like the tasks. */
    labelsOf(userId: string): Promise<ExportedLabel[]> {
      return rows<ExportedLabel>(
        db,
        sql`select "id", "name", "color", "created_at" as "createdAt", "updated_at" as "updatedAt"
            from "labels" where "user_id" = ${userId}
            order by "created_at", "id"`,
      );
    },
  };
}
