/** The CLI's chunked bundle writer lives with the serializer, which the app uses too. */
export { serializeBundleChunks } from '@shared/bundle/serialize-chunks';
