/** Saves `blob` as a file through the browser's own download. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; give it a moment.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name a `Content-Disposition: attachment; filename="…"` header suggests, if any. */
export function attachmentFileName(header: string | null): string | undefined {
  return header ? /filename="([^"/\\]+)"/.exec(header)?.[1] : undefined;
}
