// Server and network errors in plain words, for every screen that talks to the server.
import { MIN_PASSWORD_LENGTH } from '../../api/limits.ts';
import type { SignedOut } from '../../db/meta.ts';
import { ApiError } from './request.ts';

export interface Problem {
  message: string;
  /** Offer the sign-in screen next to the message. */
  offerSignIn?: boolean;
}

export function describeProblem(error: unknown): Problem {
  if (!(error instanceof ApiError)) return { message: 'Something went wrong. Try again.' };
  switch (error.code) {
    case 'network':
      return { message: "Coorie can't reach the server. Check this device is online, then try again." };
    case 'bad_credentials':
      return { message: "That email and password don't match an account." };
    case 'too_many_attempts':
      // Wrong passwords and wrong invite codes both end here, each with its own wait: the server's words say which.
      return { message: error.message };
    case 'registration_closed':
      return { message: 'This Coorie is already set up — sign in instead.', offerSignIn: true };
    case 'email_taken':
      return { message: 'An account already uses that email address — sign in instead.', offerSignIn: true };
    case 'invalid_invite':
      return {
        message:
          "That invite code doesn't work: it may have expired or been used already. Ask your coordinator for a new one.",
      };
    case 'weak_password':
      return { message: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.` };
    case 'forbidden':
      return { message: 'Only a coordinator can do that.' };
  }
  if (error.status >= 500 || error.status === 0) {
    return { message: 'Something went wrong on the server. Try again in a minute.' };
  }
  // Validation answers (400) carry a message written for people; show it as it is.
  return { message: error.message };
}

/** What the sign-in screen says on a device that was wiped, so nobody wonders where everything went. */
export function signedOutNotice(reason: SignedOut['reason']): string {
  return reason === 'revoked'
    ? 'A coordinator signed this device out, so Coorie removed its data from it.'
    : 'You signed out, and Coorie removed its data from this device.';
}
