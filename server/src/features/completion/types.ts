// The plain result of completion: what the LSP glue turns into CompletionItems. Nothing here
// knows the protocol; spans are UTF-16 offsets into the file text.
import type { Span } from '../../model';

/** What a proposal stands for; the glue maps it to an editor icon. */
export type ProposalKind =
  'property' | 'value' | 'enum' | 'keyword' | 'class' | 'module' | 'snippet';

export interface ProposalEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface CompletionProposal {
  readonly label: string;
  readonly kind: ProposalKind;
  /** One line shown beside the label, e.g. the field's type. */
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** The text that replaces `replace`; indentation of later lines is absolute (inserted as is). */
  readonly insertText: string;
  /** True when `insertText` uses snippet syntax (`$1`, `${1:x}`). */
  readonly snippet?: boolean;
  readonly sortText: string;
  readonly filterText?: string;
  /** The range a chosen proposal replaces: the word being typed (empty at a fresh position). */
  readonly replace: Span;
  /** Edits elsewhere in the document, e.g. the `apiVersion` that goes with a chosen `kind`. */
  readonly additionalEdits?: readonly ProposalEdit[];
  /** Open completion again after inserting, because values (or child keys) follow. */
  readonly retrigger?: boolean;
}
