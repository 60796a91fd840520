/**
 * Which picked files are read as bytes rather than UTF-8 text: a zip archive (a REFI-QDA .qdpx)
 * whatever its name, or a file named .qdpx (so a damaged archive is refused by the .qdpx reader,
 * naming what is wrong, rather than as "not UTF-8 text").
 */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04] as const;

/** The local file header signature every zip archive starts with ("PK\3\4"). */
export const isZipArchive = (bytes: Uint8Array): boolean => ZIP_SIGNATURE.every((b, i) => bytes[i] === b);

export const readsAsBytes = (name: string, bytes: Uint8Array): boolean => isZipArchive(bytes) || /\.qdpx$/i.test(name);
