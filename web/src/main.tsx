import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { routes } from './app/routes';
import { makeStore } from './app/store';
import { Toaster } from './components/Toaster';
import { SessionGate } from './features/auth/SessionGate';
import './index.css';

const store = makeStore();
const router = createBrowserRouter(routes);
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <Provider store={store}>
      <SessionGate>
        <RouterProvider router={router} />
      </SessionGate>
      <Toaster />
    </Provider>
  </StrictMode>,
);
