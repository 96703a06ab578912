import { Link } from 'react-router';
import { useTitle } from '../lib/use-title';

export function NotFoundPage() {
  useTitle('Siden findes ikke');
  return (
    <>
      <h1>Siden findes ikke</h1>
      <p>
        Adressen passer ikke til en side. Gå til <Link to="/">forsiden</Link> eller til de{' '}
        <Link to="/offentlig">offentlige dagsordener og referater</Link>.
      </p>
    </>
  );
}
