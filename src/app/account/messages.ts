// Server and network errors in plain words, for the account screens.
import { ApiError } from './api.ts';

export interface Problem {
  message: string;
  /** Offer the sign-in screen next to the message. */
  offerSignIn?: boolean;
}

export function describeProblem(error: unknown): Problem {
  if (!(error instanceof ApiError)) return { message: 'Something went wrong. Try again.' };
  switch (error.code) {
    case 'network':
      return { message: "Coorie can't reach the server. Check this tablet is online, then try again." };
    case 'bad_credentials':
      return { message: "That email and password don't match an account." };
    case 'too_many_attempts':
      return { message: 'Too many tries to sign in. Wait a few minutes, then try again.' };
    case 'registration_closed':
      return { message: 'This Coorie is already set up — sign in instead.', offerSignIn: true };
    case 'email_taken':
      return { message: 'An account already uses that email address — sign in instead.', offerSignIn: true };
  }
  if (error.status >= 500 || error.status === 0) {
    return { message: 'Something went wrong on the server. Try again in a minute.' };
  }
  // Validation answers (400) carry a message written for people; show it as it is.
  return { message: error.message };
}
