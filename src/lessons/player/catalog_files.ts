/**
 * The text of every lesson that ships (lessons/NN-name.md), bundled by Vite. Its own chunk,
 * loaded by catalog.ts when lessons are first needed: a visitor who never opens one downloads
 * none of it.
 */
export const LESSON_FILES = import.meta.glob<string>("../../../lessons/[0-9]*.md", { query: "?raw", import: "default", eager: true });
