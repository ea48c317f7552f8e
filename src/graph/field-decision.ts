/** How one field is shown to one principal. */
export const FieldDecision = {
  /** Not catalogued, or visible and not personal. */
  Visible: 0,
  Hidden: 1,
  Masked: 2,
  /** Visible PERSONAL data: noted for the audit log. */
  Audited: 3,
  /**
   * PERSONAL data of a dataset every reader may read (a public notice) whose
   * rows lie in a territory: visible and audited on the rows inside the
   * reader's territory, masked on the others.
   */
  AuditedInTerritory: 4,
  /**
   * A field beyond PUBLIC of a public dataset the reader reads under a limited rule: the
   * reader reads every public row (public data is a floor), but this field only on the rows
   * inside its own scope — visible, masked or audited there as the base decision says, hidden elsewhere.
   */
  InScopeVisible: 5,
  InScopeMasked: 6,
  InScopeAudited: 7,
} as const;
export type FieldDecision = (typeof FieldDecision)[keyof typeof FieldDecision];
