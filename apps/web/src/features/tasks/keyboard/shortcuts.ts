/**
 * Every task-screen shortcut, in one table: the help dialog lists it and menus show the same keys.
 * `keys` are alternatives (either works); a combination is written as one key, "Shift+X".
 */
export const TASK_SHORTCUTS = [
  { keys: ['N'], label: 'New task' },
  { keys: ['/'], label: 'Search' },
  { keys: ['J', '↓'], label: 'Next task' },
  { keys: ['K', '↑'], label: 'Previous task' },
  { keys: ['X'], label: 'Select or unselect task' },
  { keys: ['Shift+X'], label: 'Select a range up to this task' },
  { keys: ['Ctrl+A'], label: 'Select all tasks in view' },
  { keys: ['E', 'Enter'], label: 'Edit task' },
  { keys: ['C'], label: 'Complete or reopen (selected tasks first)' },
  { keys: ['1'], label: 'High priority' },
  { keys: ['2'], label: 'Medium priority' },
  { keys: ['3'], label: 'Low priority' },
  { keys: ['Del'], label: 'Delete (selected tasks first)' },
  { keys: ['Alt+↑'], label: 'Move task up (Inbox and projects; selected tasks too)' },
  { keys: ['Alt+↓'], label: 'Move task down (Inbox and projects; selected tasks too)' },
  { keys: ['Space'], label: 'Pick up a task, then ↑ ↓ and Space to drop it (Esc cancels)' },
  { keys: ['Esc'], label: 'Clear selection, close panel' },
  { keys: ['G I'], label: 'Go to Inbox' },
  { keys: ['G T'], label: 'Go to Today' },
  { keys: ['G U'], label: 'Go to Upcoming' },
  { keys: ['G C'], label: 'Go to Completed' },
  { keys: ['G A'], label: 'Go to All tasks' },
  { keys: ['['], label: 'Show or hide the sidebar' },
  { keys: ['?'], label: 'Show shortcuts' },
] as const;

export const PRIORITY_KEYS = { high: '1', medium: '2', low: '3' } as const;
