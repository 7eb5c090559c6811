/**
 * Saves text as a file the way a web page does (a Blob behind an <a download>),
 * so extension pages need no "downloads" permission.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the Blob to the download by now; a later revoke is only tidiness.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
