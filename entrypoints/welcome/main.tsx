import { render } from 'preact';
import { WelcomePage } from '@/components/welcome/WelcomePage';

render(<WelcomePage />, document.getElementById('app')!);
