/**
 * A claim said in a recording (a transcript with times) appears in the
 * recording itself, at a moment: schema.org describes that as a media object
 * with a `Clip` part whose offsets are seconds from the start, the shape
 * search engines read for "key moments" in video. The transcript's page or
 * file is not where the claim was made.
 */
import type { BlockPlace } from "./anchoring/text";
import { formatTimecode, momentUrl } from "./block-place";

export type MediaType = "VideoObject" | "AudioObject" | "MediaObject";

export type RecordingAppearance = {
  "@type": MediaType;
  name: string;
  url?: string;
  contentUrl?: string;
  hasPart: { "@type": "Clip"; name: string; startOffset: number; endOffset?: number; url?: string };
};

const AUDIO = /\.(mp3|m4a|aac|wav|oga|ogg|opus|flac)$/i;
const VIDEO = /\.(mp4|m4v|webm|mov|mkv|ogv)$/i;
const VIDEO_HOSTS = /(^|\.)(youtube\.com|youtu\.be|vimeo\.com|dailymotion\.com)$/i;

/** What kind of recording an address holds, by its file extension or a known video host; MediaObject when unknown. */
export function mediaTypeOf(url: string | null): MediaType {
  if (!url) return "MediaObject";
  const { hostname, pathname } = new URL(url);
  if (AUDIO.test(pathname)) return "AudioObject";
  if (VIDEO.test(pathname) || VIDEO_HOSTS.test(hostname)) return "VideoObject";
  return "MediaObject";
}

/**
 * The recording and the moment, or null when the claim's place has no time,
 * or when the reviewers named another appearance than the moment (a report
 * quoting the speech): theirs stands, as a plain CreativeWork.
 */
export function recordingAppearance(input: { title: string; recordingUrl: string | null; place: BlockPlace | null | undefined; appearanceUrl: string | null }): RecordingAppearance | null {
  const { place, recordingUrl } = input;
  if (place?.startMs === undefined) return null;
  const moment = momentUrl(recordingUrl, place);
  if (input.appearanceUrl && input.appearanceUrl !== moment && input.appearanceUrl !== recordingUrl) return null;
  const type = mediaTypeOf(recordingUrl);
  const at = `at ${formatTimecode(place.startMs)}`;
  const endOffset = place.endMs !== undefined && place.endMs > place.startMs ? Math.ceil(place.endMs / 1000) : undefined;
  return {
    "@type": type,
    name: input.title,
    url: recordingUrl ?? undefined,
    // An address ending in a media file is the recording's content itself.
    contentUrl: recordingUrl && (AUDIO.test(new URL(recordingUrl).pathname) || VIDEO.test(new URL(recordingUrl).pathname)) ? recordingUrl : undefined,
    hasPart: { "@type": "Clip", name: place.speaker ? `${place.speaker}, ${at}` : at, startOffset: Math.floor(place.startMs / 1000), endOffset, url: moment ?? undefined },
  };
}
