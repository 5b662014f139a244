import { int, nonEmpty, str } from "../../schema/definitions/common.js";
import { secretRefSchema } from "../../schema/definitions/secret-ref.js";

/** The attach spec keys of SSH access (remote VM and HDInsight). */
export const SSH_SPEC_KEYS = {
  resource_id: nonEmpty,
  ssh_port: int,
  username: nonEmpty,
  password: secretRefSchema,
  private_key: secretRefSchema,
  private_key_passphrase: secretRefSchema,
  public_key: str,
} as const;
