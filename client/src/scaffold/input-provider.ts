// Every question the scaffold commands ask goes through an InputProvider, so editor tests can
// answer them; the default one asks through quick picks, input boxes and a modal message.
import * as vscode from 'vscode';
import type { ConflictChoice } from '../../../server/src/scaffold/write-plan';

/** Which question is being asked; tests answer by this id. */
export type QuestionId =
  | 'workspaceFolder'
  | 'targetFolder'
  | 'namespace'
  | 'zookeeperReplicas'
  | 'controllers'
  | 'brokers'
  | 'storageClass'
  | 'storageClassName'
  | 'kafkaVolumeSize'
  | 'zookeeperVolumeSize'
  | 'controllerVolumeSize'
  | 'kafkaImage'
  | 'zookeeperImage'
  | 'antiAffinity';

export interface PickItem<T> {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  readonly value: T;
}

export interface PickQuestion<T> {
  readonly id: QuestionId;
  readonly title: string;
  readonly placeholder: string;
  readonly items: readonly PickItem<T>[];
}

export interface TextQuestion {
  readonly id: QuestionId;
  readonly title: string;
  readonly prompt: string;
  readonly value: string;
  /** An error message for invalid text, or undefined when the text is acceptable. */
  readonly validate: (text: string) => string | undefined;
  /** A warning shown for acceptable but risky text (e.g. fewer than 3 brokers). */
  readonly warn?: (text: string) => string | undefined;
}

/** Answers are undefined when the user cancels (Escape); the command then stops, writing nothing. */
export interface InputProvider {
  pick<T>(question: PickQuestion<T>): Promise<T | undefined>;
  text(question: TextQuestion): Promise<string | undefined>;
  /** What to do with generated files that already exist. */
  conflict(existing: readonly string[], folder: string): Promise<ConflictChoice>;
}

export const windowInputProvider: InputProvider = {
  async pick<T>(question: PickQuestion<T>): Promise<T | undefined> {
    const picked = await vscode.window.showQuickPick(
      question.items.map((item) => ({ ...item })),
      { title: question.title, placeHolder: question.placeholder, ignoreFocusOut: true },
    );
    return picked?.value;
  },
  async text(question) {
    return vscode.window.showInputBox({
      title: question.title,
      prompt: question.prompt,
      value: question.value,
      ignoreFocusOut: true,
      validateInput: (text) => {
        const error = question.validate(text);
        const warning = error ? undefined : question.warn?.(text);
        return warning
          ? { message: warning, severity: vscode.InputBoxValidationSeverity.Warning }
          : error;
      },
    });
  },
  async conflict(existing, folder) {
    const overwrite = 'Overwrite';
    const skip = 'Skip Existing';
    const answer = await vscode.window.showWarningMessage(
      `${existing.length} of the generated files already exist in ${folder}.`,
      { modal: true, detail: `${existing.join('\n')}\n\nCancel writes nothing.` },
      overwrite,
      skip,
    );
    return answer === overwrite ? 'overwrite' : answer === skip ? 'skip' : 'cancel';
  },
};
