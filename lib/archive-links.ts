/** Where an archived copy is read: readers' page (cited by a published fact-check) and the desk's (any copy). */
export const publicArchivePath = (fetchId: string) => `/sources/${encodeURIComponent(fetchId)}`;
export const deskArchivePath = (fetchId: string) => `/archives/${encodeURIComponent(fetchId)}`;
