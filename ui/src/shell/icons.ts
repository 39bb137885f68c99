// The UI's icons: outlines on a 24×24 grid, drawn with the text's colour
// (Icon.svelte strokes them with currentColor). Shapes, not characters: an
// emoji or a rare symbol is a box ("tofu") on a machine without a font that
// has it, such as a Linux desktop without a colour-emoji font.

/** Each icon's paths (circles and rectangles written as paths too). */
export const ICON_PATHS = {
  /** Attach a file; media of no known kind. */
  paperclip: ["M21 11.5l-8.6 8.6a5 5 0 0 1-7.1-7.1l8.6-8.6a3.3 3.3 0 0 1 4.7 4.7l-8.6 8.6a1.7 1.7 0 0 1-2.4-2.4l7.9-7.9"],
  /** A call button; a template's phone-number and voice-call buttons. */
  phone: [
    "M5 3h3.5l2 5-2.5 1.5a11 11 0 0 0 6.5 6.5l1.5-2.5 5 2V19a2 2 0 0 1-2 2A17 17 0 0 1 3 5a2 2 0 0 1 2-2z",
  ],
  /** A photo. */
  image: [
    "M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z",
    "M10 8.5a1.5 1.5 0 1 1-3 0a1.5 1.5 0 1 1 3 0z",
    "M21 15l-5-5L5 21",
  ],
  /** An audio message: a note. */
  audio: ["M9 18V5l12-2v13", "M9 18a3 3 0 1 1-6 0a3 3 0 1 1 6 0z", "M21 16a3 3 0 1 1-6 0a3 3 0 1 1 6 0z"],
  /** A video: a camera. */
  video: ["M4 6h10a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2z", "M16 10l6-3v10l-6-3z"],
  /** A document: a page with a folded corner and lines. */
  document: ["M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z", "M14 2v6h6", "M16 13H8", "M16 17H8", "M10 9H8"],
  /** A sticker: a square with a peeled corner. */
  sticker: ["M5 3h14a2 2 0 0 1 2 2v9l-7 7H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z", "M21 14h-5a2 2 0 0 0-2 2v5"],
  /** A place: a map pin. */
  location: ["M12 22s7-6.5 7-12a7 7 0 0 0-14 0c0 5.5 7 12 7 12z", "M14.5 10a2.5 2.5 0 1 1-5 0a2.5 2.5 0 1 1 5 0z"],
  /** A link that opens elsewhere (a template's URL button). */
  "external-link": ["M15 3h6v6", "M10 14L21 3", "M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6"],
  /** Copy (a template's copy-code and one-time-password buttons). */
  copy: [
    "M11 9h9a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-9a2 2 0 0 1-2-2v-9a2 2 0 0 1 2-2z",
    "M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1",
  ],
  /** Save a file. */
  download: ["M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4", "M7 10l5 5 5-5", "M12 15V3"],
} as const satisfies Record<string, readonly [string, ...string[]]>;

/** An icon's name: only these (any other is a type error). */
export type IconName = keyof typeof ICON_PATHS;

/** Every icon's name. */
export const ICON_NAMES = Object.keys(ICON_PATHS) as IconName[];
