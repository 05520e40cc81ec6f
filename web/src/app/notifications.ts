import { createSlice, nanoid, type PayloadAction } from '@reduxjs/toolkit';

export interface Notification {
  id: string;
  tone: 'error' | 'success';
  title: string;
  detail: string | null;
  requestId: string | null;
}

export type NewNotification = Omit<Notification, 'id'>;

export const notificationsSlice = createSlice({
  name: 'notifications',
  initialState: [] as Notification[],
  reducers: {
    notify: {
      reducer(state, action: PayloadAction<Notification>) {
        state.push(action.payload);
        // Keep the stack short; a burst of failures should not bury the page.
        if (state.length > 5) state.shift();
      },
      prepare(notification: NewNotification) {
        return { payload: { ...notification, id: nanoid() } };
      },
    },
    dismiss(state, action: PayloadAction<string>) {
      return state.filter((n) => n.id !== action.payload);
    },
  },
});

export const { notify, dismiss } = notificationsSlice.actions;
