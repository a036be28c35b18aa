import { graphql } from '../gql';

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      user { id name email role }
      sessionExpiresAt
    }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      viewer { user { id name role } }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut { userErrors { ...UserErrorFields } }
  }
`);
