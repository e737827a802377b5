/** Saves text or a blob as a file the browser downloads (nothing leaves the page). */
export function download(name: string, data: Blob | string, type = 'text/plain'): void {
  const url = URL.createObjectURL(data instanceof Blob ? data : new Blob([data], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
