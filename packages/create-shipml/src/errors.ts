/**
 * Named errors of create-shipml. `status` is the process exit code the CLI ends with
 * (1 for anything the user can fix by changing the command, 2 for a broken template,
 * which is a bug in the package).
 */
export class CreateShipmlError extends Error {
  constructor(
    message: string,
    readonly status: number = 1,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A flag or a prompt answer is missing or invalid. */
export class UsageError extends CreateShipmlError {}

/** The project name breaks npm's package-name rules. */
export class InvalidProjectNameError extends CreateShipmlError {}

/** The target directory has files in it and `--force` was not given. */
export class TargetNotEmptyError extends CreateShipmlError {}

/** A file would land outside the target directory. */
export class UnsafePathError extends CreateShipmlError {}

/** The requested recipe or model does not exist. */
export class UnknownRecipeError extends CreateShipmlError {}

/** A hub model could not be looked up (not on the hub, no network): nothing was written. */
export class HubModelError extends CreateShipmlError {}

/** A template is malformed: a bug in the templates, not in the command. */
export class TemplateError extends CreateShipmlError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** A template depends on a `@shipml/*` package with no known version to pin it to. */
export class UnpinnedDependencyError extends TemplateError {}
