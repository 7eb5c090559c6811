// Who the admin key acts as: the messages options, the welcome page and the popup send (registered in lib/messages.ts `Protocol`).

/** The person every write is made as when Account Desk is connected with the admin key. */
export interface ActingAs {
  /** The account this choice belongs to: a choice for another account is never used. */
  origin: string;
  userId: string;
  email: string;
  name: string;
  chosenAt: number;
}

/** A person the picker offers: one of the account's users. */
export interface PersonChoice {
  id: string;
  name: string;
  email: string;
  title?: string;
  /** Their team's name. */
  team?: string;
  /** Member of a client team (probably not who is installing Account Desk). */
  client: boolean;
}

export interface ActingAsState {
  /** Connected with the admin key: writes need a person to be made as. */
  needed: boolean;
  chosen: ActingAs | null;
}

type None = Record<string, never>;

export interface ActingAsMessages {
  'acting-as/status': { request: None; response: ActingAsState };
  /** The connected account's users, team first, by name. */
  'acting-as/people': { request: None; response: PersonChoice[] };
  'acting-as/choose': { request: { userId: string }; response: ActingAs };
}
