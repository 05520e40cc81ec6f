import { combineReducers, configureStore, createListenerMiddleware } from '@reduxjs/toolkit';
import { api } from './api';
import { noticeFailedRequests } from './failureNotices';
import { notificationsSlice } from './notifications';
import { loggedOut, sessionSlice } from './session';

const rootReducer = combineReducers({
  session: sessionSlice.reducer,
  notifications: notificationsSlice.reducer,
  [api.reducerPath]: api.reducer,
});

export type RootState = ReturnType<typeof rootReducer>;

export function makeStore(preloadedState?: Partial<RootState>) {
  const failures = noticeFailedRequests();
  // Cached answers belong to the user who fetched them; drop them on logout.
  const sessionEnd = createListenerMiddleware();
  sessionEnd.startListening({
    actionCreator: loggedOut,
    effect: (_action, { dispatch }) => {
      dispatch(api.util.resetApiState());
    },
  });
  return configureStore({
    reducer: rootReducer,
    ...(preloadedState ? { preloadedState } : {}),
    middleware: (getDefault) =>
      getDefault().prepend(failures.middleware, sessionEnd.middleware).concat(api.middleware),
  });
}

export type AppStore = ReturnType<typeof makeStore>;
export type AppDispatch = AppStore['dispatch'];
