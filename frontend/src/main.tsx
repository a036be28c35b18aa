import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { Provider } from 'urql';
import { createClient, signInPath } from './app/client';
import { router } from './app/routes';
import './styles.css';

const client = createClient(() => {
  if (window.location.pathname !== '/sign-in') {
    void router.navigate(signInPath(undefined, true));
  }
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider value={client}>
      <RouterProvider router={router} />
    </Provider>
  </StrictMode>,
);
