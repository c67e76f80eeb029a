// Word sets of the meeting components (moved to lexicons in the next step).
/** English relative pronouns. */
export const RELATIVE = new Set(['who', 'whom', 'whose', 'which']);
/** «الأخير», "the latter": the person named last. */
export const LATTER = new Set(['الاخير', 'latter']);
/** Words before a later trigger that open another encounter in the sentence. */
export const NEXT_ENCOUNTER = new Set(['كما', 'ثم']);
export const LOCATIVE = new Set(['في', 'ب', 'in', 'at', 'داخل', 'بمدينة', 'مدينة', 'منتجع', 'بمنتجع', 'قصر', 'بقصر']);
export const FUTURE_WORDS = new Set(['سوف', 'will', 'سيعقد', 'ستعقد', 'المقرر', 'يعتزم', 'تعتزم', 'المرتقب', 'المرتقبة', 'plans', 'planned', 'expected', 'scheduled', 'would']);
