import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { SessionGrant, User } from './types';

/**
 * The signed-in user and the access token. The token lives only in memory:
 * a reload restores it through the httpOnly refresh cookie, so a script
 * injected into the page has no stored token to steal.
 */
export interface SessionState {
  status: 'restoring' | 'anonymous' | 'authenticated';
  accessToken: string | null;
  user: User | null;
}

const initialState: SessionState = { status: 'restoring', accessToken: null, user: null };

export const sessionSlice = createSlice({
  name: 'session',
  initialState,
  reducers: {
    sessionStarted(_state, action: PayloadAction<SessionGrant>) {
      return {
        status: 'authenticated',
        accessToken: action.payload.accessToken,
        user: action.payload.user,
      };
    },
    userUpdated(state, action: PayloadAction<User>) {
      state.user = action.payload;
    },
    loggedOut() {
      return { status: 'anonymous', accessToken: null, user: null };
    },
  },
});

export const { sessionStarted, userUpdated, loggedOut } = sessionSlice.actions;

type WithSession = { session: SessionState };
export const selectAccessToken = (state: WithSession) => state.session.accessToken;
export const selectUser = (state: WithSession) => state.session.user;
export const selectSessionStatus = (state: WithSession) => state.session.status;
export const selectPermissions = (state: WithSession): readonly string[] =>
  state.session.user?.permissions ?? noPermissions;
const noPermissions: readonly string[] = [];
